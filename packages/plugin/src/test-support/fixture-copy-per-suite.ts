import { copyFixture } from './copy-fixture';

/**
 * A copy of a fixture (see `copyFixture`) made before the calling `describe`'s tests and removed
 * after them; the returned function gives the copy's directory.
 */
export function fixtureCopyPerSuite(fixtureDir: string, label: string): () => string {
  let copy: ReturnType<typeof copyFixture> | undefined;
  beforeAll(() => {
    copy = copyFixture(fixtureDir, label);
  });
  afterAll(() => copy?.cleanup());
  return () => (copy as ReturnType<typeof copyFixture>).dir;
}
