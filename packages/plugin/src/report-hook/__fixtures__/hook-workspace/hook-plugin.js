// Registers the built after-run hook of @nx-quality/plugin, as the plugin entry will.
// The fixture is copied to <repo>/tmp/<name>/, so the repository's packages are two levels up.
const { join } = require('node:path');
const { postTasksExecution } = require(join(__dirname, '../../packages/plugin/dist/report-hook/post-tasks-execution.js'));

module.exports = { name: 'nx-quality-report-hook-fixture', postTasksExecution };
