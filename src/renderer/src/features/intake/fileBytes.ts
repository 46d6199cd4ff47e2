/** Reads a chosen file in the renderer and encodes it for the API (base64 in JSON). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** The API accepts up to about 1.4 MB of file; a month's export is far smaller. */
export const MAX_FILE_BYTES = 1_400_000
