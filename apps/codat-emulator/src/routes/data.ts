import { Hono } from 'hono';
import { renderDataStatuses } from '../domain/data-status.js';
import { finishMs, isFinished, renderPullOperation, statusAt } from '../domain/pull-lifecycle.js';
import { registerPullOperations } from '../domain/pull-operations.js';
import { parseDataType, refreshAll, refreshDataType } from '../domain/refresh.js';
import type { Emulator } from '../emulator.js';
import { CodatError } from '../http/errors.js';
import { paginate, parsePaging } from '../http/paging.js';
import { findCompany, findConnection } from '../http/params.js';
import { compileOrderBy, compileQuery, readParam, type QueryModel } from '../query/index.js';
import type { DatasetRecord } from '../store/types.js';

/**
 * `Dataset` is what Codat's query errors call a pull operation. `isCompleted` and `isErrored` are
 * deliberately absent: Codat answers `Could not resolve property isCompleted on Dataset`.
 */
function datasetQueryModel(emu: Emulator): QueryModel<DatasetRecord> {
  return {
    name: 'Dataset',
    service: 'PullApi',
    fields: {
      id: { type: 'string', get: (d) => d.id },
      connectionId: { type: 'string', get: (d) => d.connectionId },
      dataType: { type: 'string', get: (d) => d.dataType },
      status: { type: 'enum', get: (d) => statusAt(d, emu.clock.now()) },
      requested: { type: 'date', get: (d) => d.requestedMs },
      completed: { type: 'date', get: (d) => (isFinished(d, emu.clock.now()) ? finishMs(d) : undefined) },
    },
  };
}

const datasetNotFound = (datasetId: string) =>
  new CodatError(404, 'PullApi', `No dataset was found with ID ${datasetId}`);

export function dataRoutes(emu: Emulator): Hono {
  const app = new Hono();
  const model = datasetQueryModel(emu);
  registerPullOperations(emu);

  app.post('/companies/:companyId/data/all', (c) => {
    refreshAll(emu, findCompany(emu, c.req.param('companyId')));
    return c.body(null, 204);
  });

  app.post('/companies/:companyId/data/queue/:dataType', (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    const dataType = parseDataType(c.req.param('dataType'));
    const connectionId = readParam(c, 'connectionId');
    const connection = connectionId ? findConnection(emu, company.id, connectionId) : undefined;
    const [first] = refreshDataType(emu, company, dataType, connection);
    return c.json(renderPullOperation(first!, emu.clock.now()), 200);
  });

  app.get('/companies/:companyId/dataStatus', (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    return c.json(renderDataStatuses(emu.store.datasets.get(company.id) ?? [], emu.clock.now()));
  });

  app.get('/companies/:companyId/data/history', (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    const paging = parsePaging(c);
    const matches = compileQuery(readParam(c, 'query'), model);
    const order = compileOrderBy(readParam(c, 'orderBy'), model);
    // Newest first unless ordered otherwise (sorts are stable, so ties stay newest first).
    let datasets = [...(emu.store.datasets.get(company.id) ?? [])].sort((a, b) => b.requestedMs - a.requestedMs);
    if (matches) datasets = datasets.filter(matches);
    if (order) datasets.sort(order);
    const now = emu.clock.now();
    return c.json(
      paginate(`/companies/${company.id}/data/history`, datasets, paging, (d) => renderPullOperation(d, now)),
    );
  });

  app.get('/companies/:companyId/data/history/:datasetId', (c) => {
    const company = findCompany(emu, c.req.param('companyId'));
    const datasetId = c.req.param('datasetId');
    const dataset = emu.store.datasetsById.get(datasetId.toLowerCase());
    if (!dataset || dataset.companyId !== company.id) throw datasetNotFound(datasetId);
    return c.json(renderPullOperation(dataset, emu.clock.now()));
  });

  return app;
}
