class Formatter {
  constructor(prefix = '') {
    this.prefix = prefix;
  }

  get size() {
    return this.prefix.length;
  }

  format(text) {
    return this.prefix ? `${this.prefix}: ${text}` : text;
  }

  static shout(text) {
    return [text].map(function (t) {
      return t.toUpperCase();
    })[0];
  }
}

module.exports = { Formatter, pad: (text, n) => text.padStart(n, ' ') };
