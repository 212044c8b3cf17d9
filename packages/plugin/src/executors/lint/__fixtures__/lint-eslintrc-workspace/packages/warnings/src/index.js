export function log(message) {
  console.log(message);
  if (message) console.log('twice');
}
