/** Minutes as a policy writes a duration: `2h`, `90m`. */
export function durationOf(minutes) {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}
