import { formatFiles } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import initGenerator from './generator';

// The virtual tree cannot load Prettier from its root, so formatting is asserted at the call.
jest.mock('@nx/devkit', () => ({ ...jest.requireActual('@nx/devkit'), formatFiles: jest.fn(async () => undefined) }));

describe('init generator skipFormat', () => {
  beforeEach(() => (formatFiles as jest.Mock).mockClear());

  it('formats the changed files with the workspace formatter by default', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, {});
    expect(formatFiles).toHaveBeenCalledWith(tree);
  });

  it('does not format with skipFormat', async () => {
    await initGenerator(createTreeWithEmptyWorkspace(), { skipFormat: true });
    expect(formatFiles).not.toHaveBeenCalled();
  });
});
