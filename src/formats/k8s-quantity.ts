/**
 * Kubernetes resource quantities (`resource.Quantity`) for byte amounts: a decimal number, then
 * a binary suffix (Ki Mi Gi Ti Pi Ei), a decimal one (k M G T P E, and m for thousandths), or an
 * exponent (`1e9`). `512Mi`, `1Gi`, `500M`, `1.5Gi` and `1073741824` are quantities; `512Mb`,
 * `1 Gi` and `Gi` are not.
 */

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[mkMGTPE]))?$/;

const MULTIPLIERS: Readonly<Record<string, number>> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The quantity's value in bytes (a float, negative for `-1Gi`), or undefined when `text` is not a quantity. */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY.exec(text);
  if (match === null) return undefined;
  const [, sign, number, exponent, suffix] = match;
  const value = Number(number) * (exponent === undefined ? MULTIPLIERS[suffix ?? '']! : 10 ** Number(exponent));
  return sign === '-' ? -value : value;
}

/** The bounds of a byte quantity field, with their human form for messages. */
export interface QuantityBounds {
  min: number;
  max: number;
  /** `between 32Mi and 256Gi` */
  label: string;
}

/** Checks a byte quantity field's value; a message for it, or undefined when it is fine. */
export function quantityProblem(value: unknown, bounds: QuantityBounds): string | undefined {
  if (typeof value !== 'string') return 'must be a Kubernetes quantity string such as "512Mi" or "1Gi"';
  const bytes = parseQuantity(value);
  if (bytes === undefined) return `"${value}" is not a Kubernetes quantity: use e.g. "512Mi", "1Gi", "1.5Gi" or "500M"`;
  if (bytes < 0) return 'must not be negative';
  if (bytes < bounds.min || bytes > bounds.max) return `must be ${bounds.label}`;
  return undefined;
}
