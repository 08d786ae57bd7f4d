/** Offers `text` as a file download from an extension page. */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadFile(fileName, new Blob([text], { type }));
}

/** Offers a Blob as a file download from an extension page. */
export function downloadFile(fileName: string, file: Blob): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the blob; release it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `2024-05-01`, for file names. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
