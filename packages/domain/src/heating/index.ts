// heating/: room-temperature quality (H-5.1, H-5.4.5, H-5.4.7), sampling plans (H-5.4.2–H-5.4.4),
// meter disputes, low-temperature complaints and refund deadlines (H-7.2.3, H-7.2.4, H-5.5).
export * from './room-temperature.ts';
export * from './sampling.ts';
export * from './fees.ts';
export * from './low-temperature.ts';
export { randomIndex, seededRandom } from './prng.ts';
export * from './season.ts';
export * from './metered.ts';
export * from './rules.ts';
export * from './refunds.ts';
