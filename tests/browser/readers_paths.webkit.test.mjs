// A reader's main paths in webkit (readers_paths.mjs; what webkit stands in for: docs/browsers.md).
import { readersPaths } from './readers_paths.mjs';

readersPaths('webkit');
