import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './problem';

/**
 * Puts a problem's field errors on the form's fields it knows; returns the errors no field took
 * (shown above the form with the problem's detail).
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): { field: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  const rest: { field: string; message: string }[] = [];
  for (const fe of error.fieldErrors) {
    const name = fields.find((f) => f === fe.field || fe.field.endsWith(`.${f}`));
    if (name) setError(name, { type: 'server', message: fe.message });
    else rest.push(fe);
  }
  return rest;
}
