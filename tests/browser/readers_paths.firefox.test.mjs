// A reader's main paths in firefox (readers_paths.mjs; what firefox stands in for: docs/browsers.md).
import { readersPaths } from './readers_paths.mjs';

readersPaths('firefox');
