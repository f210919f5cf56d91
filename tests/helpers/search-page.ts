export { readSearchPage, searchFor, waitForAnswer, type SearchPageResult } from '../../scripts/lib/search-page';
