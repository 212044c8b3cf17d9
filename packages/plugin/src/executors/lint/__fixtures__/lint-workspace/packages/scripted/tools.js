// Outside ./src: the project's lint script does not lint it, `eslint .` would (an error and a warning).
var unused = 1;
console.log('build helper');
