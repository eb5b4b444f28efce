import { AVATAR_SIZE, isAvatarDataUrl, squareCrop } from '../view/avatar-image';

/**
 * Turns a picture file into the small avatar kept in the browser: its centred square, shrunk to
 * AVATAR_SIZE pixels, as a JPEG data: URL. Rejects what cannot be read as a picture.
 */
export async function avatarFromFile(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  try {
    const crop = squareCrop(bitmap.width, bitmap.height);
    if (crop.size === 0) throw new Error('empty picture');
    const canvas = document.createElement('canvas');
    canvas.width = AVATAR_SIZE;
    canvas.height = AVATAR_SIZE;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.drawImage(bitmap, crop.sx, crop.sy, crop.size, crop.size, 0, 0, AVATAR_SIZE, AVATAR_SIZE);
    const url = canvas.toDataURL('image/jpeg', 0.85);
    if (!isAvatarDataUrl(url)) throw new Error('picture too large');
    return url;
  } finally {
    bitmap.close();
  }
}
