import { shout } from './shout.js';

export interface Greeting {
  text: string;
  loud: boolean;
}

export function greet(name: string): Greeting {
  // The one root error of the library: a number where a string belongs.
  const text: string = name.length;
  return { text, loud: false };
}

export function greetLoudly(name: string): Greeting {
  return { text: shout(name), loud: true };
}
