import { runTestsIn } from '../runner';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
