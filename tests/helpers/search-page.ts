export { searchFor, type SearchPageResult } from '../../scripts/lib/search-page';
