import { AppError } from './errors';

export function checkSign(value: number): number {
  if (value < 0) throw new Error('negative');
  return value;
}

export function checkZero(value: number): number {
  if (value === 0) throw 'zero';
  return value;
}

export function checkRange(value: number): number {
  if (value > 100) throw new AppError('too big', 'E_RANGE');
  return value;
}

export function checkNumber(value: number): number {
  if (Number.isNaN(value)) throw { code: 'NAN' };
  return value;
}
