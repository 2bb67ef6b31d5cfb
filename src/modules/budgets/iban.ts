// IBAN check (ISO 13616, mod 97). Only organisations' accounts are ever stored: a resident's IBAN
// is personal data and never reaches the ledger.

export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const n = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rest = n > 9 ? (rest * 100 + n) % 97 : (rest * 10 + n) % 97;
  }
  return rest === 1;
}

/** Makes a valid IBAN from a country code and a BBAN by computing the check digits (for fake demo accounts). */
export function ibanWithCheck(country: string, bban: string): string {
  for (let check = 2; check <= 98; check++) {
    const candidate = `${country}${String(check).padStart(2, '0')}${bban}`;
    if (isValidIban(candidate)) return candidate;
  }
  throw new Error(`no check digits make ${country}..${bban} valid`);
}
