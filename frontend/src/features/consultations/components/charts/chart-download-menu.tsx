// "Download chart" for one question: the chart as a PNG (for slides) or an SVG (scales without blur),
// named after the question. Saving happens in the browser from the chart on the page; nothing is fetched.
import { Button, Menu, Text } from '@mantine/core';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import { saveBlob } from '@/lib/save-file';

import { pngBlob, svgBlob } from './svg-export';

type Format = 'png' | 'svg';

type ChartDownloadMenuProps = {
  chart: RefObject<SVGSVGElement | null>;
  /** The file's name for a format. */
  fileName: (format: Format) => string;
  /** The name inside the file (its SVG title), e.g. the question. */
  title: string;
  /** The id of the question's heading, so the button is announced with it. */
  describedBy?: string;
};

export function ChartDownloadMenu({ chart, fileName, title, describedBy }: ChartDownloadMenuProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);

  async function save(format: Format) {
    const svg = chart.current;
    if (!svg) return;
    setError(null);
    try {
      saveBlob(format === 'svg' ? svgBlob(svg, { title }) : await pngBlob(svg, { title }), fileName(format));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div data-print="hide">
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="outline" size="xs" aria-describedby={describedBy}>
            {t('consultations.results.chart.download')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void save('png')}>{t('consultations.results.chart.png')}</Menu.Item>
          <Menu.Item onClick={() => void save('svg')}>{t('consultations.results.chart.svg')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <div role="status">
        {error ? (
          <Text c="red.8" size="sm" mt="xs">
            {t('consultations.results.chart.downloadFailed', { reason: error })}
          </Text>
        ) : null}
      </div>
    </div>
  );
}
