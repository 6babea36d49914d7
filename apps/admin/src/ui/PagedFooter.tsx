import { TablePagination } from '@mui/material';

interface PagedFooterProps {
  total: number;
  /** Zero-based. */
  page: number;
  perPage: number;
  onPageChange(page: number): void;
  /** When given, the reader may choose 10, 25 or 50 rows; changing it goes back to the first page. */
  onPerPageChange?(perPage: number): void;
}

/** The pager under a table. */
export function PagedFooter({ total, page, perPage, onPageChange, onPerPageChange }: PagedFooterProps) {
  return (
    <TablePagination
      component="div"
      count={total}
      page={page}
      rowsPerPage={perPage}
      rowsPerPageOptions={onPerPageChange ? [10, 25, 50] : [perPage]}
      onPageChange={(_event, next) => onPageChange(next)}
      onRowsPerPageChange={
        onPerPageChange &&
        ((event) => {
          onPerPageChange(Number(event.target.value));
          onPageChange(0);
        })
      }
    />
  );
}
