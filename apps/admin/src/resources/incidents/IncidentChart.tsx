import { Box, Typography } from '@mui/material';
import { plural } from '../../ui/format';
import type { IncidentRecord } from './types';

const WIDTH = 640;
const HEIGHT = 160;
const LEFT = 28;
const BOTTOM = 22;

const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Affected companies per day over 30 days as bars, against the baseline before the incident (dashed) and the rule's threshold (dotted). */
export function IncidentChart({ group }: { group: IncidentRecord }) {
  const { trend, incident } = group;
  const peak = Math.max(1, incident.thresholdCompanies, ...trend.map((day) => day.companies));
  const slot = (WIDTH - LEFT) / Math.max(1, trend.length);
  const y = (n: number) => HEIGHT - BOTTOM - ((HEIGHT - BOTTOM - 8) * n) / peak;
  const highest = trend.reduce((best, day) => (day.companies > best.companies ? day : best), { date: '', companies: 0 });
  const label =
    `Affected companies per day over ${plural(trend.length, 'day')}: at most ${highest.companies}` +
    `${highest.date ? ` (${shortDay.format(new Date(`${highest.date}T00:00:00Z`))})` : ''}, against a baseline of ${incident.baselineCompaniesPerDay} a day; ` +
    `the rule needs ${incident.thresholdCompanies}.`;
  const inIncident = (date: string) => date >= incident.startedOn && (incident.endedOn === null || date <= incident.endedOn);
  return (
    <Box component="figure" sx={{ m: 0, my: 1 }}>
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ maxWidth: WIDTH }} role="img" aria-label={label}>
        <text x={0} y={y(peak) + 4} fontSize={11} fill="#616161">
          {peak}
        </text>
        <text x={0} y={y(0)} fontSize={11} fill="#616161">
          0
        </text>
        {trend.map((day, i) => (
          <g key={day.date}>
            <rect x={LEFT + slot * i + slot * 0.15} y={y(day.companies)} width={slot * 0.7} height={y(0) - y(day.companies)} fill={inIncident(day.date) ? '#b3261e' : '#90a4ae'}>
              <title>{`${day.date}: ${plural(day.companies, 'company', 'companies')}`}</title>
            </rect>
            {i % 7 === trend.length % 7 && (
              <text x={LEFT + slot * i + slot / 2} y={HEIGHT - 6} fontSize={10} textAnchor="middle" fill="#212121">
                {shortDay.format(new Date(`${day.date}T00:00:00Z`))}
              </text>
            )}
          </g>
        ))}
        <line x1={LEFT} x2={WIDTH} y1={y(incident.baselineCompaniesPerDay)} y2={y(incident.baselineCompaniesPerDay)} stroke="#000" strokeDasharray="5 3" />
        <line x1={LEFT} x2={WIDTH} y1={y(incident.thresholdCompanies)} y2={y(incident.thresholdCompanies)} stroke="#7a1a14" strokeDasharray="1 3" />
      </svg>
      <Typography component="figcaption" variant="caption" color="text.secondary">
        Bars: companies with this error each day (red while the incident lasts). Dashed line: the baseline, {incident.baselineCompaniesPerDay} companies a day in the 29 days
        before it started. Dotted line: {incident.thresholdCompanies} companies, what a day needs to meet the rule.
      </Typography>
    </Box>
  );
}
