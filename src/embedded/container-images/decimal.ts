const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,3}))?$/i;

/**
 * Reads a decimal the way BigDecimal takes `min_cpu` (a JSON number or a numeric string such as
 * "0.25" or "1e-1") and returns it as Rails prints a BigDecimal: plain digits with at least one
 * decimal ("0.5", "1.0", "2.25"). Undefined when the value is not a number.
 */
export function readDecimal(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return undefined;
  }
  const match = DECIMAL.exec(text);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  const shift = Number(exponent);
  if (Math.abs(shift) > 100) return undefined;
  let digits = whole + fraction;
  let point = whole.length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const integer = digits.slice(0, point).replace(/^0+/, '') || '0';
  const decimals = digits.slice(point).replace(/0+$/, '') || '0';
  const negative = sign === '-' && (integer !== '0' || decimals !== '0');
  return `${negative ? '-' : ''}${integer}.${decimals}`;
}

/** True for a decimal text below zero (as `readDecimal` returns them). */
export function isNegativeDecimal(text: string): boolean {
  return text.startsWith('-');
}
