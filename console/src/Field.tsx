import type { ReactNode } from 'react';
import type { FieldErrorShape } from './api.js';

/**
 * A labelled form field with its error beside it. The control itself is the caller's; it takes
 * `controlProps(id, error, hasHint)` so screen readers announce the error with the field.
 */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field" data-field={id}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function controlProps(id: string, error?: string, hasHint = false) {
  const describedBy = [hasHint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
}

/**
 * An InvalidInputError's fields keyed by the form field they belong to: the path inside the
 * input (`["input", "env", "1", "name"]` → `env.1.name`), so each message lands beside its field.
 */
export function fieldErrors(fields: readonly FieldErrorShape[] | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const field of fields ?? []) {
    const path = field.path[0] === 'input' ? field.path.slice(1) : field.path;
    const key = path.join('.');
    byField[key] = byField[key] ? `${byField[key]}; ${field.message}` : field.message;
  }
  return byField;
}
