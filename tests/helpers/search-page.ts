export {
  readSearchPage,
  searchFor,
  waitForAnswer,
  type SearchPageResult,
} from '../support/search-page';
