// Photos from a phone camera are 3–12 MB; the server takes ≤ 2 MB decoded (a data URL of ≤ 3 M characters), so
// pictures are scaled to at most 1600 px on the long side and re-encoded as JPEG before upload.

export const PHOTO_MAX_SIDE = 1600;
/** Characters of the data URL: about 1.9 MB decoded, under the server's 2 MB. */
export const PHOTO_MAX_CHARS = 2_600_000;

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('not an image'));
    };
    img.src = url;
  });
}

/** A JPEG data URL of at most PHOTO_MAX_SIDE px and PHOTO_MAX_CHARS characters; null if it cannot fit. */
export async function downscalePhoto(file: Blob): Promise<string | null> {
  const img = await loadImage(file);
  const canvas = document.createElement('canvas');
  for (const side of [PHOTO_MAX_SIDE, 1280, 1024]) {
    const scale = Math.min(1, side / Math.max(img.naturalWidth, img.naturalHeight));
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    for (const quality of [0.85, 0.72, 0.6]) {
      const out = canvas.toDataURL('image/jpeg', quality);
      if (out.length <= PHOTO_MAX_CHARS) return out;
    }
  }
  return null;
}
