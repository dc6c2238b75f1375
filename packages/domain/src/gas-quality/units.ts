/**
 * G-5.1.8: how a published gas-quality result reads. The record keeps integers (hundredths of a percent, kJ/m³, Pa);
 * the staff page and the public page both show them in the units a resident knows, so they share one formatter.
 */

/** 96.12% from 9612 hundredths of a percent. */
export const percent = (basisPoints: number) => `${(basisPoints / 100).toFixed(2)}%`;
/** 35.59 MJ/m³ from 35,590 kJ/m³. */
export const megajoules = (kj: number) => `${(kj / 1000).toFixed(2)} MJ/m³`;
/** 2.0 kPa from 2,000 Pa; MPa from 100 kPa up. */
export const pressure = (pa: number) =>
  pa >= 100_000 ? `${(pa / 1e6).toFixed(2)} MPa` : `${(pa / 1000).toFixed(1)} kPa`;
