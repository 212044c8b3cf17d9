// Global setup runs in Jest's own process: in a batch that is the process every project shares.
module.exports = async () => {
  process.env.NXQ_FROM_LEAKY_SETUP = 'set by the leaky global setup';
  process.chdir(__dirname);
  process.exitCode = 7;
};
