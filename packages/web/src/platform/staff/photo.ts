/** Max size of the stored photo data URL (characters ≈ bytes). */
export const PHOTO_MAX = 200 * 1024;

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('not an image'));
    img.src = src;
  });
}

/**
 * Reads an image file into a data URL of at most PHOTO_MAX characters.
 * Larger pictures are scaled down (max 480 px, JPEG); returns null if it still does not fit.
 */
export async function photoToDataUrl(file: File): Promise<string | null> {
  const url = await readAsDataUrl(file);
  if (url.length <= PHOTO_MAX) return url;
  const img = await loadImage(url);
  const canvas = document.createElement('canvas');
  for (const max of [480, 360, 240]) {
    const scale = Math.min(1, max / Math.max(img.width, img.height));
    canvas.width = Math.round(img.width * scale);
    canvas.height = Math.round(img.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const out = canvas.toDataURL('image/jpeg', 0.85);
    if (out.length <= PHOTO_MAX) return out;
  }
  return null;
}
