import type { Config } from 'jest';

function load(): Config {
  throw new Error('missing JEST_FIXTURE_SETTING');
}

export default load();
