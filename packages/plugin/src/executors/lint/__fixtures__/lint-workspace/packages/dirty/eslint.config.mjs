import root from '../../eslint.config.mjs';

// A relative ignore pattern: it only means "this project's src/generated" when ESLint's base
// path is this folder, as it is for `eslint .` run here.
export default [...root, { ignores: ['src/generated/**'] }];
