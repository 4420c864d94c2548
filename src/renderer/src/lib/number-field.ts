// Reads what was typed into a number field of the run form. Only the syntax is judged here
// (a number, whole where it must be, not empty); ranges are the engine's one schema's to check,
// so every front end reports them with the same words.

export interface NumberFieldSpec {
  /** The field's label, as the message names it. */
  readonly label: string;
  readonly integer: boolean;
}

export type NumberFieldRead =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

// Plain decimal notation only: "2", "0.5", ".5", "-1" (the engine answers the range). Exponents,
// hex and Infinity are refused because nobody types them on purpose.
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;

export function readNumberField(spec: NumberFieldSpec, text: string): NumberFieldRead {
  const t = text.trim();
  if (t === '') return { ok: false, error: `${spec.label} is empty: type a number` };
  if (!DECIMAL.test(t))
    return {
      ok: false,
      error: `${spec.label} must be a ${spec.integer ? 'whole number' : 'number'} (got "${t}")`,
    };
  const value = Number(t);
  if (spec.integer && !Number.isInteger(value))
    return { ok: false, error: `${spec.label} must be a whole number (got "${t}")` };
  return { ok: true, value };
}

/** The text a field shows for a value (the form is filled from defaults or an opened run). */
export function numberText(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(value);
}
