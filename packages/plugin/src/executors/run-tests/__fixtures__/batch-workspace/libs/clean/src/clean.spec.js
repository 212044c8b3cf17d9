// Records the environment it ran in; the batch spec checks it (an assertion here would hide what leaked).
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

it('records its environment', () => {
  const seen = {
    cwd: process.cwd(),
    fromLeakyConfig: process.env.NXQ_FROM_LEAKY_CONFIG ?? null,
    fromLeakySetup: process.env.NXQ_FROM_LEAKY_SETUP ?? null,
    dotenv: process.env.NXQ_CLEAN_DOTENV ?? null,
    taskProject: process.env.NX_TASK_TARGET_PROJECT ?? null,
    taskTarget: process.env.NX_TASK_TARGET_TARGET ?? null,
  };
  writeFileSync(join(__dirname, '..', 'seen-env.json'), JSON.stringify(seen));
});
