import { categorizeTodo } from './categorize-todo';
import { DEFAULT_TODO_CATEGORIES } from './health-options';
import { parseTodoComment } from './parse-todo-comment';

describe('categorizeTodo', () => {
  it.each([
    ['validate the token signature', 'security'],
    ['N+1 queries here, batch them', 'performance'],
    ['race condition when two writers save', 'bug'],
    ['add a trace id to the log line', 'feature'],
    ['write docs for this flag', 'documentation'],
    ['extract a helper', 'refactor'],
    ['ask the team', 'other'],
  ])('"%s" is %s', (text, category) => {
    expect(categorizeTodo(text, DEFAULT_TODO_CATEGORIES)).toBe(category);
  });

  it('matches keywords at word starts only ("trace" is not "race", "prefix" is not "fix")', () => {
    expect(categorizeTodo('the trace format of the prefix', DEFAULT_TODO_CATEGORIES)).toBe('other');
  });

  it('uses configured keywords in their order; unknown category names become other', () => {
    const categories = { performance: ['retry'], security: ['retry'], compliance: ['gdpr'] };
    expect(categorizeTodo('retry the upload', categories)).toBe('performance');
    expect(categorizeTodo('GDPR export', categories)).toBe('other');
  });
});

describe('parseTodoComment', () => {
  const tags = ['TODO', 'FIXME', 'XXX', 'HACK'];

  it.each([
    ['// TODO: split this file', 'TODO', 'split this file'],
    ['//todo(alice) - add paging', 'TODO', 'add paging'],
    ['/* FIXME crash on empty input */', 'FIXME', 'crash on empty input'],
    ['/**\n * HACK: the API returns strings\n * for numbers\n */', 'HACK', 'the API returns strings for numbers'],
  ])('%j → %s "%s"', (raw, tag, text) => {
    expect(parseTodoComment(raw, tags)).toEqual({ tag, text });
  });
});
