'use strict';
// Mocha's spec output for people, plus the pass/fail counts in a file for the summary line of `npm test`.
const fs = require('node:fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.HANA_BACKUP_SUMMARY_FILE;
      if (!file) return;
      const { passes, failures, pending } = this.stats;
      fs.appendFileSync(
        file,
        JSON.stringify({ suite: process.env.HANA_BACKUP_SUITE ?? 'mocha', passes, failures, pending }) + '\n',
      );
    });
  }
}

module.exports = SummaryReporter;
