it('sees the variables of its own config and global setup, and no other project\'s .env', () => {
  expect(process.env.NXQ_FROM_LEAKY_CONFIG).toBeDefined();
  expect(process.env.NXQ_FROM_LEAKY_SETUP).toBeDefined();
  expect(process.env.NXQ_CLEAN_DOTENV).toBeUndefined();
  console.log('leaky console output');
});
