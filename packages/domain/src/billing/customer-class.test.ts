import { describe, expect, it } from 'vitest';
import { customerKindsOfClass, gasCustomerClassOf } from './customer-class.ts';

describe('G-6.2.4 customer classes of the price schedules', () => {
  it('G-6.2.4: urban and rural residents pay the residential schedule, organisations the non-residential one', () => {
    expect(gasCustomerClassOf('pipeline_urban_resident')).toBe('residential');
    expect(gasCustomerClassOf('pipeline_rural_resident')).toBe('residential');
    expect(gasCustomerClassOf('pipeline_non_resident')).toBe('non_residential');
    expect(gasCustomerClassOf('bottled_gas')).toBeNull();
    expect(gasCustomerClassOf('heating_resident')).toBeNull();
    expect(customerKindsOfClass('residential')).toEqual([
      'pipeline_urban_resident',
      'pipeline_rural_resident',
    ]);
  });
});
