/*
 * Infra Atlas map page: regions, roles, corridors, labels, legend, and the bridge to the app.
 *
 * geodata/web/document.py writes the data (D) into the page and calls InfraAtlas.init(map, D).
 * Every string that comes from data is escaped (esc) or set as textContent: boundary names and
 * target text must never run as markup.  The app drives the page through window.InfraAtlas
 * (setStyle, selectRegion, highlightProvince, setLayerVisible, setLanguage, getView, setView)
 * and hears clicks and readiness through the Qt WebChannel object "bridge". The legend only
 * explains; overlays are switched by the app alone.
 */
(function (global) {
  'use strict';

  var ESCAPES = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
  function esc(s) {
    return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, function (c) {
      return ESCAPES[c];
    });
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var A = {ready: false, bridge: null, byCode: {}, selected: null, highlighted: []};

  A.t = function (key) {
    var entry = A.D.text[key];
    return entry ? entry[A.lang] || entry.en : key;
  };

  A.name = function (p) {
    return A.lang === 'en' ? (p.name_en || p.name_zh) : (p.name_zh || p.name_en);
  };

  /** A region's name as a map label: a very long one (a file's) is cut with an ellipsis. */
  var LABEL_CHARS = 24;
  A.labelName = function (p) {
    var name = Array.from(A.name(p) || '');
    return name.length > LABEL_CHARS ? name.slice(0, LABEL_CHARS - 1).join('') + '\u2026'
                                     : name.join('');
  };

  A.regionStyle = function (feature) {
    var code = feature.properties.adcode;
    var fill = A.style.colors[code] || A.D.noData;
    var on = A.layers.choropleth;
    var featured = A.D.level === 'province' && A.D.featured.indexOf(code) >= 0;
    return {
      color: featured ? '#1a1a1a' : '#4d4d4d', weight: featured ? 2.4 : 0.8, opacity: 1,
      fillColor: on ? fill : '#ffffff', fillOpacity: on ? 0.85 : 0.05
    };
  };

  A.tooltip = function (p) {
    var value = (A.style.values[A.lang] || {})[p.adcode];
    var html = '<b>' + esc(A.name(p)) + '</b> <span class="atlas-code">' + esc(p.adcode || '') + '</span>';
    if (value !== undefined && value !== '') {
      html += '<br>' + esc(A.style.title[A.lang]) + ': ' + esc(value);
    }
    return html;
  };

  A.clicked = function (code) {
    A.selectRegion(code, false);
    if (A.bridge && A.bridge.regionClicked) { A.bridge.regionClicked(String(code)); }
  };

  // ---------------------------------------------------------------- geometry
  // Regions arrive as polyline strings (geodata/web/levels.py): [polygon][ring] of delta-encoded
  // [lat, lng] integers in units of 1/scale degree. Each point is made by point(lat, lng).
  function decodeRing(str, scale, point) {
    var points = [], i = 0, lat = 0, lng = 0, n = str.length;
    while (i < n) {
      var b, shift = 0, result = 0;
      do { b = str.charCodeAt(i++) - 63; result |= (b & 31) << shift; shift += 5; } while (b >= 32);
      lat += (result & 1) ? ~(result >> 1) : (result >> 1);
      shift = 0; result = 0;
      do { b = str.charCodeAt(i++) - 63; result |= (b & 31) << shift; shift += 5; } while (b >= 32);
      lng += (result & 1) ? ~(result >> 1) : (result >> 1);
      points.push(point(lat / scale, lng / scale));
    }
    return points;
  }
  function latLng(lat, lng) { return new L.LatLng(lat, lng); }
  /** A region's rings as L.Polygon takes a multipolygon: [polygon][ring][L.LatLng]. */
  function decodeLatLngs(enc, scale) {
    return enc.map(function (rings) {
      return rings.map(function (r) { return decodeRing(r, scale, latLng); });
    });
  }

  // Levels of detail: finer levels are scripts loaded on zoom; each feature in view is given the
  // level of the current zoom, so borders stay within a pixel of the source.
  A.levels = {};
  A.levelFor = function (zoom) {
    var z = Math.ceil(zoom - 1e-9), zooms = A.D.lod.zooms;
    for (var i = 0; i < zooms.length; i++) { if (z <= zooms[i]) { return i; } }
    return zooms.length - 1;
  };
  A.addLevel = function (data) {
    A.levels[data.index] = data;
    A.updateDetail();
  };
  function loadLevel(index) {
    var src = A.D.lod.scripts[String(index)];
    if (!src || A.levels[index] || A.loading[index]) { return; }
    A.loading[index] = true;
    var script = document.createElement('script');
    script.src = src;
    // A big layer's finer levels may still be being written: try again on the next move.
    script.onerror = function () { A.loading[index] = false; script.remove(); };
    document.head.appendChild(script);
  }
  A.updateDetail = function () {
    if (!A.D.lod || !A.regionLayers) { return; }
    var embedded = A.D.lod.embedded;
    var want = Math.max(A.levelFor(A.map.getZoom()), embedded);
    var view = A.map.getBounds().pad(0.3);
    for (var i = want; i > embedded && !A.levels[i]; i--) { loadLevel(i); }
    var level = want;
    while (level > embedded && !A.levels[level]) { level--; }
    A.regionLayers.forEach(function (layer, k) {
      var target = A.coarseBounds[k].intersects(view) ? level : embedded;
      if (layer.atlasLevel === target) { return; }
      layer.setLatLngs(target === embedded ? layer.atlasEmbedded
        : decodeLatLngs(A.levels[target].features[k], A.levels[target].scale));
      layer.atlasLevel = target;
    });
    A.detailLevel = level;
  };

  // Leaflet sizes a canvas for 2 device pixels per CSS pixel at most. Above that (a 3x view
  // export, a 3x screen) size it for the page's own ratio, so borders are as sharp as text.
  if (global.L && L.Canvas && !L.Canvas.prototype.atlasFullRatio) {
    var canvasUpdate = L.Canvas.prototype._update;
    L.Canvas.prototype.atlasFullRatio = true;
    L.Canvas.prototype._update = function () {
      var ratio = global.devicePixelRatio || 1;
      if (ratio <= 2 || (this._map._animatingZoom && this._bounds)) {
        return canvasUpdate.call(this);
      }
      L.Renderer.prototype._update.call(this);
      var b = this._bounds, size = b.getSize(), container = this._container;
      L.DomUtil.setPosition(container, b.min);
      container.width = Math.round(ratio * size.x);
      container.height = Math.round(ratio * size.y);
      container.style.width = size.x + 'px';
      container.style.height = size.y + 'px';
      this._ctx.scale(ratio, ratio);
      this._ctx.translate(-b.min.x, -b.min.y);
      this.fire('update');
    };
  }

  function buildRegions() {
    var renderer = L.canvas({padding: 0.1, pane: 'regions'});
    var scale = A.D.regions.scale, embedded = A.D.lod ? A.D.lod.embedded : 0;
    A.regionLayers = [];
    A.coarseBounds = [];
    A.loading = {};
    // A GeoJSON group (setStyle, resetStyle) of polygons made straight from the decoded rings,
    // as L.geoJSON would make them, without GeoJSON coordinates in between.
    var options = {pane: 'regions', renderer: renderer, style: A.regionStyle};
    A.regions = L.geoJSON(null, options);
    A.D.regions.features.forEach(function (f) {
      var props = f.properties, code = props.adcode;
      var layer = new L.Polygon(decodeLatLngs(f.enc, scale), options);
      layer.feature = {type: 'Feature', properties: props, geometry: null};
      layer.defaultOptions = layer.options;
      A.regions.resetStyle(layer);
      if (code) { A.byCode[code] = layer; }
      layer.atlasEmbedded = layer.getLatLngs();
      layer.atlasLevel = embedded;
      A.regionLayers.push(layer);
      A.coarseBounds.push(layer.getBounds());
      layer.bindTooltip(function () { return A.tooltip(props); },
                        {sticky: true, className: 'atlas-tip'});
      layer.on('click', function () { if (code) { A.clicked(code); } });
      A.regions.addLayer(layer);
    });
    A.regions.addTo(A.map);
  }

  // The province context (every province of China, under the regions) is drawn by one canvas
  // of its own: no Leaflet path objects, no per-vertex LatLng, projected once. It is the
  // heaviest part of a province page and needs neither events nor restyling.
  /** [x, y] of a point in Web Mercator world units (0 to 1 across the world), as EPSG3857. */
  function mercator(lat, lng) {
    var s = Math.sin(Math.max(Math.min(lat, 85.0511287798), -85.0511287798) * Math.PI / 180);
    return [0.5 + lng / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
  }
  var ContextCanvas = L.Canvas.extend({
    initialize: function (shapes, options) {
      L.Canvas.prototype.initialize.call(this, options);
      this._shapes = shapes;
    },
    _draw: function () {
      var map = this._map, ctx = this._ctx;
      if (!map || !ctx) { return; }
      var size = 256 * Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
      // What the canvas covers, in world units: shapes wholly outside it are skipped.
      var b = this._bounds, pad = 4;
      var x0 = (b.min.x - pad + origin.x) / size, x1 = (b.max.x + pad + origin.x) / size;
      var y0 = (b.min.y - pad + origin.y) / size, y1 = (b.max.y + pad + origin.y) / size;
      ctx.lineCap = ctx.lineJoin = 'round';
      this._shapes.forEach(function (shape) {
        var e = shape.extent;
        if (e[0] > x1 || e[2] < x0 || e[1] > y1 || e[3] < y0) { return; }
        ctx.beginPath();
        shape.rings.forEach(function (r) {
          for (var i = 0; i < r.length; i++) {
            var x = r[i][0] * size - origin.x, y = r[i][1] * size - origin.y;
            if (i === 0) { ctx.moveTo(x, y); } else { ctx.lineTo(x, y); }
          }
          ctx.closePath();
        });
        ctx.globalAlpha = 1;
        ctx.fillStyle = shape.fill;
        ctx.fill('evenodd');
        ctx.lineWidth = shape.weight;
        ctx.strokeStyle = shape.color;
        ctx.stroke();
      });
    }
  });

  function buildContext() {
    if (!A.D.context) { return; }
    var featured = A.D.featured, scale = A.D.context.scale;
    var shapes = A.D.context.features.map(function (f) {
      var isFeatured = featured.indexOf(f.properties.adcode) >= 0;
      var rings = [];
      f.enc.forEach(function (polygon) {
        polygon.forEach(function (r) { rings.push(decodeRing(r, scale, mercator)); });
      });
      var extent = [Infinity, Infinity, -Infinity, -Infinity];
      rings.forEach(function (r) {
        r.forEach(function (p) {
          if (p[0] < extent[0]) { extent[0] = p[0]; }
          if (p[1] < extent[1]) { extent[1] = p[1]; }
          if (p[0] > extent[2]) { extent[2] = p[0]; }
          if (p[1] > extent[3]) { extent[3] = p[1]; }
        });
      });
      return {rings: rings, extent: extent, color: isFeatured ? '#5a5a5a' : '#a8a8a8',
              weight: isFeatured ? 1.6 : 0.6, fill: isFeatured ? '#f6f2e8' : '#ebe7df'};
    });
    A.context = new ContextCanvas(shapes, {padding: 0.1, pane: 'context'});
  }

  function buildRoles() {
    A.roles = L.layerGroup();
    (A.D.roles || []).forEach(function (r) {
      var radius = {1: 13, 2: 9, 3: 6}[r.rank] || 5;
      var mark = L.circleMarker([r.lat, r.lng], {
        pane: 'roles', radius: radius, color: '#67001f', weight: 1.5,
        fillColor: r.color, fillOpacity: 0.95, interactive: false
      }).addTo(A.roles);
      mark.atlasCode = r.adcode;  // its region's label may sit on it (placeLabels)
    });
  }

  function buildCorridors() {
    A.corridors = L.layerGroup();
    A.corridorLabels = [];
    if (!A.D.corridors) { return; }
    var renderer = L.svg({pane: 'corridors'});
    // A white casing under each line keeps it readable over any fill colour.
    L.geoJSON(A.D.corridors, {
      pane: 'corridors', renderer: renderer, interactive: false,
      style: function () { return {color: '#ffffff', weight: 8, opacity: 0.9}; }
    }).addTo(A.corridors);
    L.geoJSON(A.D.corridors, {
      pane: 'corridors', renderer: renderer,
      style: function (f) {
        return {color: '#c51b7d', weight: 4.5, opacity: 1,
                dashArray: f.properties.schematic ? '12 7' : null};
      },
      onEachFeature: function (f, layer) {
        // Labels sit at alternate ends of the lines so that corridors meeting in one city
        // (both cross Hangzhou) do not stack their labels.
        var points = L.LineUtil.isFlat(layer.getLatLngs()) ? layer.getLatLngs()
          : layer.getLatLngs()[0];
        var first = A.corridorLabels.length % 2 === 1;
        var at = points[first ? 0 : points.length - 1];
        var tip = L.tooltip({permanent: true, direction: first ? 'left' : 'right',
                             className: 'atlas-corridor-label', pane: 'labels'}).setLatLng(at);
        A.corridors.addLayer(tip);
        A.corridorLabels.push({layer: layer, tip: tip, props: f.properties});
      }
    }).addTo(A.corridors);
  }

  // Region labels: one absolutely placed element each, centred on its point by CSS. Leaflet's
  // tooltips measure every label as it is added (a forced layout each); these never do.
  var LabelLayer = L.Layer.extend({
    options: {pane: 'labels'},
    initialize: function (labels) {
      this._shown = labels;
    },
    onAdd: function () {
      this._container = L.DomUtil.create('div', 'atlas-labels', this.getPane());
      this.show(this._shown);
    },
    onRemove: function () {
      L.DomUtil.remove(this._container);
      this._container = null;
    },
    getEvents: function () {
      var events = {zoom: this._place, viewreset: this._place};
      if (this._map._zoomAnimated) { events.zoomanim = this._animateZoom; }
      return events;
    },
    /** Show these labels (of those given at creation) and no others, none overlapping. Those
     *  shown already stay in the page: only the labels that come or go are laid out anew. */
    show: function (labels) {
      var before = this._shown, box = this._container;
      this._shown = labels;
      if (!box) { return; }
      labels.forEach(function (l) { l.wanted = true; });
      before.forEach(function (l) {
        if (!l.wanted && l.anchor.parentNode === box) { box.removeChild(l.anchor); }
      });
      labels.forEach(function (l) {
        l.wanted = false;
        if (l.anchor.parentNode !== box) { box.appendChild(l.anchor); }
      });
      this._place();
      A.placeLabels();
    },
    _place: function () {
      var map = this._map;
      this._moveTo(function (latlng) { return map.latLngToLayerPoint(latlng); });
    },
    _animateZoom: function (e) {
      var map = this._map;
      this._moveTo(function (latlng) {
        return map._latLngToNewLayerPoint(latlng, e.zoom, e.center);
      });
    },
    _moveTo: function (project) {
      this._shown.forEach(function (l) {
        L.DomUtil.setPosition(l.anchor, project(l.latlng).round());
      });
    }
  });

  function buildLabels() {
    A.labelTips = (A.D.labels || []).map(function (p, i) {
      var anchor = el('div', 'atlas-label-anchor leaflet-zoom-animated');
      var text = el('div', 'leaflet-tooltip atlas-label');
      anchor.appendChild(text);
      return {latlng: L.latLng(p.lat, p.lng), anchor: anchor, text: text, props: p,
              area: p.area || 0, index: i, size: null, dx: 0, dy: 0, hidden: false,
              wanted: false};
    });
    var many = A.labelTips.length > MAX_LABELS;
    A.labels = new LabelLayer(many ? [] : A.labelTips);
    // A national layer has thousands of regions: label those in view once few enough are.
    // Any layer's labels are placed again after each zoom or move (what fits changes).
    A.map.on('moveend', many ? A.updateLabels : A.placeLabels);
    if (many) { A.updateLabels(); }
    // Boxes are measured in the page's font: measure them again once it (or any) is in.
    fontsLoaded().then(A.remeasureLabels);
    if (document.fonts && document.fonts.addEventListener) {
      document.fonts.addEventListener('loadingdone', A.remeasureLabels);
    }
  }

  var MAX_LABELS = 400;
  A.updateLabels = function () {
    var view = A.map.getBounds();
    var inView = A.labelTips.filter(function (l) { return view.contains(l.latlng); });
    A.labels.show(inView.length <= MAX_LABELS ? inView : []);
  };

  // Placing labels: no two region labels overlap, nor cover a role mark or a corridor label.
  // After every zoom, move, language switch or overlay change the labels shown are placed
  // greedily by priority (the selected region's, then larger regions' first) on their point or
  // shifted a little (LABEL_SHIFTS: fractions of the label's width and height, the point always
  // within the label); those that fit nowhere are hidden. A label's size is read once for its
  // text and font (one read pass, for all the labels not measured yet) and its place is
  // computed from its point, so a move forces no layout; then one write pass. Placed boxes are
  // kept in a grid of LABEL_CELL pixels, so each test looks at a few neighbours only.
  var LABEL_GAP = 1;
  var LABEL_CELL = 64;
  var LABEL_SHIFTS = [[0, 0], [0, -0.5], [0, 0.5], [-0.25, 0], [0.25, 0], [0, -1], [0, 1],
                      [-0.25, -0.5], [0.25, -0.5], [-0.25, 0.5], [0.25, 0.5]];

  function LabelGrid() { this.cells = new Map(); }
  LabelGrid.prototype.each = function (b, visit) {
    var i0 = Math.floor(b.x / LABEL_CELL), i1 = Math.floor((b.x + b.w) / LABEL_CELL);
    var j0 = Math.floor(b.y / LABEL_CELL), j1 = Math.floor((b.y + b.h) / LABEL_CELL);
    for (var i = i0; i <= i1; i++) {
      for (var j = j0; j <= j1; j++) {
        if (visit(i * 65536 + j) === false) { return false; }
      }
    }
    return true;
  };
  LabelGrid.prototype.add = function (b) {
    var cells = this.cells;
    this.each(b, function (key) {
      var list = cells.get(key);
      if (list) { list.push(b); } else { cells.set(key, [b]); }
    });
  };
  /** Whether box b is clear of every box placed but the marks of region owner. */
  LabelGrid.prototype.free = function (b, owner) {
    var cells = this.cells;
    return this.each(b, function (key) {
      var list = cells.get(key);
      for (var k = 0; list && k < list.length; k++) {
        var o = list[k];
        if ((!o.owner || o.owner !== owner) && b.x < o.x + o.w && o.x < b.x + b.w &&
            b.y < o.y + o.h && o.y < b.y + b.h) { return false; }
      }
      return true;
    });
  };

  /** Boxes the labels must leave clear, in container pixels: role marks (each but by its own
   *  region's label) and corridor labels. */
  function labelObstacles() {
    var boxes = [], map = A.map;
    if (A.roles && map.hasLayer(A.roles)) {
      A.roles.eachLayer(function (mark) {
        var p = map.latLngToContainerPoint(mark.getLatLng());
        var r = mark.getRadius() + mark.options.weight / 2;
        boxes.push({x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r, owner: mark.atlasCode});
      });
    }
    if (A.corridors && map.hasLayer(A.corridors)) {
      A.corridorLabels.forEach(function (c) {
        var node = c.tip.getElement(), at = node && L.DomUtil.getPosition(node);
        if (!at) { return; }
        if (!c.size) { c.size = [node.offsetWidth, node.offsetHeight]; }
        var p = map.layerPointToContainerPoint(at);
        boxes.push({x: p.x, y: p.y, w: c.size[0], h: c.size[1], owner: null});
      });
    }
    return boxes;
  }

  function labelPriority(a, b) {
    var sa = a.l.props.adcode === A.selected, sb = b.l.props.adcode === A.selected;
    if (sa !== sb) { return sa ? -1 : 1; }
    return (labelRank(a.l) - labelRank(b.l)) || (b.l.area - a.l.area) || (a.l.index - b.l.index);
  }

  /** 0 for a province the plans cover, 1 for a provincial capital (a city coded xx0100), else 2:
   *  on a crowded national map these keep their names before larger but emptier regions. */
  function labelRank(l) {
    var code = String(l.props.adcode || '');
    if ((A.D.featured || []).indexOf(code) >= 0) { return 0; }
    return /^\d{2}0100$/.test(code) ? 1 : 2;
  }

  /** Whether box b covers the point of a label other than item's (points: a LabelGrid). */
  function coversPoint(points, b, item) {
    return !points.each(b, function (key) {
      var list = points.cells.get(key);
      for (var k = 0; list && k < list.length; k++) {
        var o = list[k];
        if (o.item !== item && o.x > b.x && o.x < b.x + b.w && o.y > b.y && o.y < b.y + b.h) {
          return false;
        }
      }
      return true;
    });
  }

  /** The shift [right, down] in pixels at which a label fits, or null where none does. The
   *  first place that leaves every other label's point clear is taken, else the first free. */
  function fitLabel(grid, points, item) {
    var owner = item.l.props.adcode, first = null;
    for (var k = 0; k < LABEL_SHIFTS.length; k++) {
      var dx = Math.round(LABEL_SHIFTS[k][0] * item.w);
      var dy = Math.round(LABEL_SHIFTS[k][1] * item.h);
      var box = {x: item.x + dx - LABEL_GAP, y: item.y + dy - LABEL_GAP,
                 w: item.w + 2 * LABEL_GAP, h: item.h + 2 * LABEL_GAP, owner: null};
      if (!grid.free(box, owner)) { continue; }
      if (!coversPoint(points, box, item)) { first = {box: box, shift: [dx, dy]}; break; }
      if (!first) { first = {box: box, shift: [dx, dy]}; }
    }
    if (!first) { return null; }
    grid.add(first.box);  // a placed label keeps every other label off
    return first.shift;
  }

  /** A grid of the labels' points (px, py), for coversPoint. */
  function labelPoints(items) {
    var points = new LabelGrid();
    items.forEach(function (item) {
      points.add({x: item.x + item.w / 2, y: item.y + item.h / 2, w: 0, h: 0, item: item});
    });
    return points;
  }

  /** The labels shown, each with its unshifted box in container pixels (sizes read as needed). */
  function labelBoxes(labels) {
    labels.forEach(function (l) {  // the read pass: one layout, for new texts only
      if (l.size) { return; }
      var r = l.text.getBoundingClientRect();
      l.size = r.width ? [r.width, r.height] : null;
    });
    var map = A.map;
    return labels.map(function (l) {
      var p = map.layerPointToContainerPoint(map.latLngToLayerPoint(l.latlng).round());
      var w = l.size ? l.size[0] : 0, h = l.size ? l.size[1] : 0;
      return {l: l, x: p.x - w / 2, y: p.y - h / 2, w: w, h: h, shift: null};
    });
  }

  /** Place the labels shown so that none overlaps another (see above); returns how many show.
   *  A.labelStats has the numbers of the last run and its time in ms (read, place, write). */
  A.placeLabels = function () {
    var layer = A.labels;
    if (!layer || !layer._container || !A.map) { return 0; }
    var t0 = performance.now();
    var items = labelBoxes(layer._shown), grid = new LabelGrid();
    labelObstacles().forEach(function (b) { grid.add(b); });
    var t1 = performance.now();
    var points = labelPoints(items);
    items.sort(labelPriority);
    items.forEach(function (item) { if (item.w) { item.shift = fitLabel(grid, points, item); } });
    var t2 = performance.now(), shown = 0;
    items.forEach(function (item) {  // the write pass
      var l = item.l, hidden = item.shift === null;
      if (l.hidden !== hidden) { l.text.classList.toggle('atlas-label-hidden', hidden); }
      l.hidden = hidden;
      if (hidden) { return; }
      shown++;
      if (l.dx !== item.shift[0]) { l.dx = item.shift[0]; l.text.style.left = l.dx + 'px'; }
      if (l.dy !== item.shift[1]) { l.dy = item.shift[1]; l.text.style.top = l.dy + 'px'; }
    });
    var t3 = performance.now();
    A.labelStats = {labels: items.length, shown: shown, read: t1 - t0, place: t2 - t1,
                    write: t3 - t2, ms: t3 - t0};
    return shown;
  };

  /** Measure every label again (its font or text changed), then place them. */
  A.remeasureLabels = function () {
    (A.labelTips || []).forEach(function (l) { l.size = null; });
    (A.corridorLabels || []).forEach(function (c) { c.size = null; });
    return A.placeLabels();
  };

  A.refreshText = function () {
    A.labelTips.forEach(function (l) { l.text.textContent = A.labelName(l.props); });
    A.corridorLabels.forEach(function (c) {
      var name = A.lang === 'en' ? c.props.name_en : c.props.name_zh;
      var note = c.props.schematic ? ' (' + A.t('schematic') + ')' : '';
      c.tip.setContent(esc(name + note));
    });
    A.buildLegend();
    A.remeasureLabels();
  };

  // The legend explains what is drawn (classes, roles, corridors); it switches nothing: the
  // app's Layers panel shows and hides overlays, through setLayerVisible.
  function legendSection(box, title) {
    box.appendChild(el('div', 'atlas-legend-title', title));
  }
  function legendRow(box, mark, label) {
    var row = el('div', 'atlas-legend-row');
    row.appendChild(mark);
    row.appendChild(el('span', null, label));
    box.appendChild(row);
  }

  function legendClasses(box) {
    legendSection(box, A.style.title[A.lang]);
    (A.style.legend[A.lang] || []).forEach(function (entry) {
      var swatch = el('span', 'atlas-swatch');
      swatch.style.background = entry.color;
      legendRow(box, swatch, entry.label);
    });
    // Why fewer classes are drawn than asked (numeric metrics only).
    var note = A.style.note && A.style.note[A.lang];
    if (note) { box.appendChild(el('div', 'atlas-legend-note', note)); }
  }

  function legendRoles(box) {
    legendSection(box, A.t('layer_roles'));
    A.D.roleLegend.forEach(function (r) {
      var dot = el('span', 'atlas-dot');
      var size = {1: 18, 2: 13, 3: 9}[r.rank];
      dot.style.width = dot.style.height = size + 'px';
      dot.style.background = r.color;
      legendRow(box, dot, r[A.lang]);
    });
  }

  function legendCorridors(box) {
    legendSection(box, A.t('layer_corridors'));
    legendRow(box, el('span', 'atlas-line'), A.t('corridor_legend'));
  }

  A.buildLegend = function () {
    var box = A.legendBox;
    if (!box) { return; }
    box.textContent = '';
    if (A.layers.choropleth) { legendClasses(box); }
    if (A.layers.roles && (A.D.roles || []).length) { legendRoles(box); }
    if (A.layers.corridors && A.D.corridors) { legendCorridors(box); }
    box.style.display = box.childNodes.length ? '' : 'none';
  };

  function addLegendControl() {
    var Legend = L.Control.extend({
      options: {position: 'bottomright'},
      onAdd: function () {
        var div = el('div', 'atlas-legend leaflet-control');
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        A.legendBox = div;
        return div;
      }
    });
    A.legend = new Legend().addTo(A.map);
  }

  /** The overlays the app switches (geodata.vocab.OVERLAYS, less the basemap). */
  var LAYER_KEYS = ['choropleth', 'roles', 'corridors', 'labels', 'context'];

  function layerObject(key) {
    return {roles: A.roles, corridors: A.corridors, labels: A.labels, context: A.context}[key];
  }

  /** Show or hide a layer ('choropleth', 'roles', 'corridors', 'labels', 'context'). */
  A.setLayerVisible = function (key, visible) {
    A.layers[key] = !!visible;
    if (key === 'choropleth') {
      A.regions.setStyle(A.regionStyle);
      A.reapplyHighlight();
    } else {
      var layer = layerObject(key);
      if (layer) {
        if (visible) { layer.addTo(A.map); } else { A.map.removeLayer(layer); }
      }
    }
    A.buildLegend();
    if (key === 'roles' || key === 'corridors') { A.placeLabels(); }
    return true;
  };

  /** Restyle the regions with a new classification (no geometry is reloaded). */
  A.setStyle = function (style) {
    A.style = style;
    A.regions.setStyle(A.regionStyle);
    A.reapplyHighlight();
    A.buildLegend();
    return style.metric;
  };

  A.clearHighlight = function () {
    A.highlighted.forEach(function (layer) { A.regions.resetStyle(layer); });
    A.highlighted = [];
  };

  A.reapplyHighlight = function () {
    A.highlighted.forEach(function (layer) {
      layer.setStyle({color: '#e31a1c', weight: 3.5});
      layer.bringToFront();
    });
  };

  function focus(layers) {
    A.clearHighlight();
    A.highlighted = layers;
    A.reapplyHighlight();
    if (!layers.length) { return; }
    var bounds = layers[0].getBounds();
    layers.slice(1).forEach(function (l) { bounds.extend(l.getBounds()); });
    return bounds;
  }

  /** Highlight a region and (when pan is true) bring it into view. */
  A.selectRegion = function (code, pan) {
    var changed = A.selected !== code;
    A.selected = code;
    var layer = code ? A.byCode[code] : null;
    var bounds = focus(layer ? [layer] : []);
    if (bounds && pan !== false && !A.map.getBounds().contains(bounds)) {
      A.map.fitBounds(bounds, {padding: [40, 40], animate: false, maxZoom: A.map.getZoom() + 2});
    } else if (bounds && pan !== false) {
      A.map.panTo(bounds.getCenter(), {animate: false});
    }
    if (changed) { A.placeLabels(); }  // the selected region's label comes first
    return !!layer;
  };

  /** Highlight several regions (a target scoped to them) and bring them into view. */
  A.highlightRegions = function (codes) {
    var layers = codes.map(function (c) { return A.byCode[c]; }).filter(Boolean);
    var bounds = focus(layers);
    if (bounds) { A.map.fitBounds(bounds, {padding: [30, 30], animate: false}); }
    return layers.length;
  };

  /** Highlight every region of a province (a province-wide target). */
  A.highlightProvince = function (province) {
    var prefix = String(province).slice(0, 2);
    var layers = [];
    Object.keys(A.byCode).forEach(function (code) {
      if (code.slice(0, 2) === prefix) { layers.push(A.byCode[code]); }
    });
    var bounds = focus(layers);
    if (bounds) { A.map.fitBounds(bounds, {padding: [20, 20], animate: false}); }
    return layers.length;
  };

  A.setLanguage = function (lang) {
    A.lang = lang === 'en' ? 'en' : 'zh';
    A.refreshText();
    return A.lang;
  };

  A.getView = function () {
    var c = A.map.getCenter();
    return JSON.stringify({lat: c.lat, lng: c.lng, zoom: A.map.getZoom()});
  };

  /** Centre the map on (lat, lng) at zoom, to the pixel. At the same zoom Leaflet's setView pans
   *  by a truncated pixel offset, a pixel short of the centre that getView gave (the 2x export
   *  then drew the map a pixel off the window's); this pans by the rounded offset. */
  A.setView = function (lat, lng, zoom) {
    var map = A.map;
    if (zoom !== map.getZoom()) { map.setView([lat, lng], zoom, {animate: false}); }
    var offset = map.project(L.latLng(lat, lng)).subtract(map.project(map.getCenter())).round();
    if (offset.x || offset.y) { map.panBy(offset, {animate: false}); }
    return true;
  };

  /** Map state for tests and for the app's status bar. */
  A.describe = function () {
    return JSON.stringify({
      metric: A.style.metric, lang: A.lang, selected: A.selected, layers: A.layers,
      regions: Object.keys(A.byCode).length,
      detail: A.D.lod ? {level: A.detailLevel, zoom: A.D.lod.zooms[A.detailLevel],
                         loaded: Object.keys(A.levels).map(Number)} : null,
      highlighted: A.highlighted.map(function (l) { return l.feature.properties.adcode; }),
      legend: Array.prototype.map.call(
        A.legendBox.querySelectorAll('.atlas-legend-row span:last-child'),
        function (n) { return n.textContent; })
    });
  };

  /** Start loading the page's own font family (both weights) at once: as this script loads,
   * long before the first layout asks for them, so the first frame already has its text.
   * The family is the first of the page's font variable (geodata.web.assets.font_face_css). */
  function startFonts() {
    if (!global.document || !document.fonts) { return Promise.resolve(); }
    var family = getComputedStyle(document.documentElement)
      .getPropertyValue('--bs-body-font-family').split(',')[0].trim();
    if (!family) { return Promise.resolve(); }
    var load = function (weight) {
      return document.fonts.load(weight + ' 12px ' + family).catch(function () { return null; });
    };
    return Promise.all([load(400), load(700)]);
  }
  var FONTS = startFonts();

  /** A promise of the web fonts the first view's text needs, loaded: the page's own family
   * (started as the script loaded), then whatever else the layout asked for (the full font,
   * for a character the subset lacks) through document.fonts.ready. Errors are ignored. */
  function fontsLoaded() {
    if (!document.fonts) { return Promise.resolve(); }
    return FONTS.then(function () { return document.fonts.ready; });
  }

  // The app hears "ready" once the page is drawn with its web fonts (a screenshot never shows
  // fallback text) and the bridge is connected. The two are awaited together: the fonts load
  // while the channel handshakes.
  function connectBridge() {
    var painted = false, bridged = false;
    var report = function () {
      if (A.ready || !painted || !bridged) { return; }
      A.ready = true;
      if (A.bridge && A.bridge.mapReady) { A.bridge.mapReady(); }
    };
    var drawn = function () { painted = true; report(); };
    fontsLoaded().then(function () {
      // Two animation frames later the first frame with that text has been painted. A hidden
      // page gets no animation frames: then the timer reports instead.
      requestAnimationFrame(function () { requestAnimationFrame(drawn); });
      setTimeout(drawn, 250);
    });
    if (typeof QWebChannel === 'undefined' || typeof qt === 'undefined' || !qt.webChannelTransport) {
      bridged = true;
      return;
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      A.bridge = channel.objects.bridge || null;
      bridged = true;
      report();
    });
  }

  /** The view and selection the app asks for in the URL's query (see MapView.load_map). */
  function readQuery(D) {
    var params = new URLSearchParams(String(global.location.search || ''));
    var view = (params.get('view') || '').split(',').map(Number);
    if (view.length === 3 && view.every(isFinite)) { D.view = view; }
    var selected = params.get('selected');
    if (selected && /^[0-9]{6}$/.test(selected)) { D.selected = selected; }
  }

  A.init = function (map, D) {
    readQuery(D);
    A.map = map;
    A.D = D;
    A.lang = D.language;
    A.layers = D.layers;
    A.style = D.style;
    map.getContainer().classList.add('atlas-map');
    [['context', 350], ['regions', 400], ['corridors', 450], ['roles', 460], ['labels', 650]]
      .forEach(function (p) { map.createPane(p[0]).style.zIndex = p[1]; });
    map.getPane('labels').style.pointerEvents = 'none';
    // Set the view before any layer exists, so that the layers are projected once.
    if (D.view) {
      map.setView([D.view[0], D.view[1]], D.view[2], {animate: false});
    } else {
      map.fitBounds(D.bounds, {padding: [10, 10], animate: false});
    }
    buildContext();
    buildRegions();
    buildRoles();
    buildCorridors();
    buildLabels();
    addLegendControl();
    LAYER_KEYS.forEach(function (key) {
      var layer = layerObject(key);
      if (layer && A.layers[key]) { layer.addTo(map); }
    });
    A.refreshText();
    if (D.selected) { A.selectRegion(D.selected, false); }
    if (D.lod) { map.on('zoomend moveend', A.updateDetail); A.updateDetail(); }
    connectBridge();
  };

  A.esc = esc;
  global.InfraAtlas = A;
})(window);
