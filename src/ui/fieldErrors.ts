import type { FieldError, FieldName } from '../engine/config';

/** A control's error, if it has one. */
export function errorOf(errors: readonly FieldError[], field: FieldName): FieldError | undefined {
  return errors.find((e) => e.field === field);
}

/** Marks a control invalid and points it at its alert (`error-<field>`) while it has an error. */
export function describedBy(
  errors: readonly FieldError[],
  field: FieldName,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return errorOf(errors, field) ? { 'aria-invalid': true, 'aria-describedby': `error-${field}` } : {};
}
