import { AppError } from './errors';

export function readConfig(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function save(write: () => void): void {
  try {
    write();
  } catch (error) {
    console.error('save failed', error);
  }
}

export function ignore(run: () => void): void {
  try {
    run();
  } catch {}
}

export function narrowed(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return;
    throw error;
  }
}

export function load(fetcher: () => Promise<string>): Promise<string | null> {
  return fetcher().catch(() => null);
}
