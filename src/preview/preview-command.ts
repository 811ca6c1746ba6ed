export async function startPreview(_options: unknown): Promise<number> {
  return 0;
}
