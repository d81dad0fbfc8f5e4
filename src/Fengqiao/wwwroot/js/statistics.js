// The statistics dashboard's charts (Apache ECharts, served by the app): a map of the child areas
// coloured by the chosen figure, bars of the same, and the figure's trend. A click on an area or a bar
// drills down one level. Data comes from the page as JSON (#chart-data).
(function () {
    const source = document.getElementById('chart-data');
    if (!source || !window.echarts) { return; }
    const data = JSON.parse(source.textContent);
    const drill = (code) => {
        const child = data.children.find(c => c.code === code || c.name === code);
        if (child && child.url) { window.location.href = child.url; }
    };
    const values = data.children.map(c => c.value).filter(v => v !== null);
    const max = values.length ? Math.max(...values) : 1;

    const mapEl = document.getElementById('chart-map');
    if (mapEl && data.shapes.length) {
        const geo = { type: 'FeatureCollection', features: data.shapes.map(s => ({ type: 'Feature', properties: { name: s.code }, geometry: s.geometry })) };
        echarts.registerMap('children', geo);
        const map = echarts.init(mapEl);
        map.setOption({
            tooltip: { trigger: 'item', formatter: p => `${(data.children.find(c => c.code === p.name) || {}).name || p.name}: ${p.value ?? '—'} ${data.unit}` },
            visualMap: { min: 0, max: max || 1, calculable: true, left: 'left', bottom: 0, inRange: { color: ['#e0f3f8', '#4575b4'] } },
            series: [{ type: 'map', map: 'children', roam: true, label: { show: false },
                data: data.children.map(c => ({ name: c.code, value: c.value })) }],
        });
        map.on('click', p => drill(p.name));
        window.addEventListener('resize', () => map.resize());
    } else if (mapEl) {
        mapEl.style.height = 'auto';
    }

    const barsEl = document.getElementById('chart-bars');
    if (barsEl && data.children.length) {
        const bars = echarts.init(barsEl);
        bars.setOption({
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', inverse: true, data: data.children.map(c => c.name), axisLabel: { width: 160, overflow: 'truncate' } },
            series: [{ type: 'bar', name: data.figure, data: data.children.map(c => c.value), itemStyle: { color: '#0d6efd' } }],
        });
        bars.on('click', p => drill(data.children[p.dataIndex].code));
        window.addEventListener('resize', () => bars.resize());
    } else if (barsEl) {
        barsEl.style.height = 'auto';
    }

    const trendEl = document.getElementById('chart-trend');
    if (trendEl && data.trend.length) {
        const trend = echarts.init(trendEl);
        trend.setOption({
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: data.trend.map(p => p.x) },
            yAxis: { type: 'value' },
            series: [{ type: 'line', name: data.figure, data: data.trend.map(p => p.y), smooth: true, areaStyle: {} }],
        });
        window.addEventListener('resize', () => trend.resize());
    } else if (trendEl) {
        trendEl.style.height = 'auto';
    }
})();
