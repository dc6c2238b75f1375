#!/usr/bin/env node
// Entry point of the `ranre` command: runs the TypeScript sources through tsx, so there is no build step for the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
