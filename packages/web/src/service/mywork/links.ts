/** A map search for the address (opens the Amap app or web page); just a link, no map SDK. */
export function mapSearchUrl(address: string): string {
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(address)}`;
}

/** tel: link, or null when the number is masked (138****1234) or missing. */
export function telUrl(phone: string | null | undefined): string | null {
  if (!phone || phone.includes('*')) return null;
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
