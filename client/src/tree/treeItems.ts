/** TreeItems for the nodes: labels, descriptions, icons and context values that carry the state. */
import * as vscode from 'vscode';
import type { CatalogEntry } from '../catalog/catalogTypes';
import { RECENT_DAYS } from '../catalog/databaseSummary';
import {
  formatBytes,
  formatTime,
  entryDescription,
  rpoVerdict,
  summaryLine,
  windowDescription,
} from './labels';
import type { TreeNode } from './treeNodes';

const C = vscode.TreeItemCollapsibleState;

function icon(id: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

function entryIcon(entry: CatalogEntry): vscode.ThemeIcon {
  if (entry.entryType === 'log missing') return icon('error', 'errorForeground');
  switch (entry.state) {
    case 'successful':
      return icon('pass', 'testing.iconPassed');
    case 'failed':
      return icon('error', 'errorForeground');
    case 'running':
    case 'cancel pending':
      return icon('sync~spin');
    case 'canceled':
      return icon('circle-slash');
    case 'prepared':
      return icon('warning', 'list.warningForeground');
    default:
      return icon('circle-outline');
  }
}

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'system': {
      const c = node.connection;
      const item = new vscode.TreeItem(`${c.name} (${c.host}:${c.port})`, C.Expanded);
      item.contextValue = 'system';
      if (node.error) {
        item.description = `✖ ${node.error}`;
        item.iconPath = icon('debug-disconnect', 'errorForeground');
        item.tooltip = node.error;
      } else if (node.overview) {
        const o = node.overview;
        const tls = c.validateCertificate === false ? ' · ⚠ certificate not validated' : '';
        item.description = `● connected · HANA ${o.version.split('.').slice(0, 3).join('.')} · ${o.hosts.length} host${o.hosts.length === 1 ? '' : 's'}${tls}`;
        item.iconPath = icon('database', 'testing.iconPassed');
      } else {
        item.description = 'not connected — expand to connect';
        item.iconPath = icon('database');
        item.collapsibleState = C.Collapsed;
      }
      return item;
    }
    case 'message': {
      const item = new vscode.TreeItem(node.text, C.None);
      item.iconPath = icon(
        node.severity === 'error' ? 'error' : node.severity === 'warning' ? 'warning' : 'info',
        node.severity === 'error' ? 'errorForeground' : undefined,
      );
      item.tooltip = node.detail ?? node.text;
      item.contextValue = 'message';
      if (node.commandId) item.command = { command: node.commandId, title: node.text };
      return item;
    }
    case 'hosts':
      return Object.assign(new vscode.TreeItem('Hosts', C.Collapsed), { contextValue: 'hosts' });
    case 'host': {
      const h = node.host;
      const item = new vscode.TreeItem(h.name, h.overrides.length ? C.Collapsed : C.None);
      const base = `${h.role || '?'} · ${h.services.join(', ')}`;
      item.description = h.overrides.length
        ? `${base}   ⚠ HOST layer overrides ${h.overrides.map((o) => o.key).join(', ')}`
        : base;
      item.iconPath = h.overrides.length ? icon('warning', 'list.warningForeground') : icon('server');
      item.tooltip = h.overrides.length
        ? `HOST-layer values on ${h.name} win over the database's settings:\n` +
          h.overrides.map((o) => `[${o.section}] ${o.key} = ${o.value}`).join('\n')
        : `${h.name}: ${h.status}`;
      item.contextValue = h.overrides.length ? 'host.overrides' : 'host';
      return item;
    }
    case 'databases':
      return Object.assign(new vscode.TreeItem('Databases', C.Expanded), { contextValue: 'databases' });
    case 'database': {
      const d = node.database;
      const item = new vscode.TreeItem(d.name, C.Collapsed);
      const status =
        d.name === 'SYSTEMDB'
          ? ''
          : d.activeStatus === 'YES'
            ? 'ACTIVE  '
            : `${d.activeStatus === 'NO' ? 'STOPPED' : d.activeStatus}  `;
      item.description = node.error
        ? `${status}✖ ${node.error}`
        : node.summary
          ? `${status}${windowDescription(node.summary)}`
          : status.trim();
      const recoverable = node.summary?.window.from !== undefined;
      const rpo = node.summary
        ? rpoVerdict(node.summary, node.policy?.rpoSeconds, node.policy?.rpoText)
        : undefined;
      item.iconPath =
        node.error || (node.summary && !recoverable)
          ? icon('error', 'errorForeground')
          : rpo && !rpo.met
            ? icon('warning', 'list.warningForeground')
            : icon('database');
      item.contextValue = d.name === 'SYSTEMDB' ? 'database.systemdb' : 'database.tenant';
      item.tooltip = node.summary ? summaryLine(node.summary, rpo) : undefined;
      return item;
    }
    case 'summary': {
      const rpo = rpoVerdict(node.summary, node.policy?.rpoSeconds, node.policy?.rpoText);
      const item = new vscode.TreeItem(summaryLine(node.summary, rpo), C.None);
      item.iconPath = !node.summary.window.from
        ? icon('error', 'errorForeground')
        : rpo && !rpo.met
          ? icon('warning', 'list.warningForeground')
          : icon('shield', 'testing.iconPassed');
      item.tooltip = node.policy
        ? `Objective from policy ${node.policy.policy}`
        : 'No policy in this workspace governs this database.';
      item.contextValue = 'summary';
      return item;
    }
    case 'dataBackups': {
      const item = new vscode.TreeItem('Data backups', C.Collapsed);
      const s = node.summary;
      item.description = s.runningBackups ? `${s.runningBackups} running` : undefined;
      item.contextValue = 'dataBackups';
      return item;
    }
    case 'dataWeek': {
      const w = node.week;
      const item = new vscode.TreeItem(`week ${w.week}`, C.Collapsed);
      item.description = `${w.count} data backup${w.count === 1 ? '' : 's'}${w.failed ? ` · ${w.failed} failed` : ''}`;
      item.iconPath = w.failed ? icon('warning', 'list.warningForeground') : icon('calendar');
      item.contextValue = 'dataWeek';
      return item;
    }
    case 'logBackups': {
      const s = node.summary;
      const item = new vscode.TreeItem('Log backups', C.Collapsed);
      item.description = `${s.logBackupsRecent.toLocaleString('en-US')} in the last ${RECENT_DAYS} days · ${s.gapsRecent ? `${s.gapsRecent} gap${s.gapsRecent === 1 ? '' : 's'}` : 'no gaps'}`;
      item.iconPath = s.gapsRecent ? icon('error', 'errorForeground') : undefined;
      item.contextValue = 'logBackups';
      return item;
    }
    case 'logDay': {
      const d = node.day;
      const item = new vscode.TreeItem(d.day, C.Collapsed);
      const problems = [d.gaps ? `${d.gaps} log missing` : '', d.failed ? `${d.failed} failed` : ''].filter(
        Boolean,
      );
      item.description = `${d.count} log backup${d.count === 1 ? '' : 's'}${problems.length ? ` · ${problems.join(' · ')}` : ''}`;
      item.iconPath = d.gaps
        ? icon('error', 'errorForeground')
        : d.failed
          ? icon('warning', 'list.warningForeground')
          : icon('history');
      item.contextValue = d.gaps ? 'logDay.gap' : 'logDay';
      return item;
    }
    case 'snapshots': {
      const item = new vscode.TreeItem('Snapshots', C.Collapsed);
      const prepared = node.summary.preparedSnapshots;
      item.description = prepared ? `⚠ ${prepared} prepared, not confirmed` : undefined;
      item.iconPath = prepared ? icon('warning', 'list.warningForeground') : undefined;
      item.contextValue = 'snapshots';
      return item;
    }
    case 'configuration':
      return Object.assign(new vscode.TreeItem('Configuration', C.Collapsed), {
        description: 'effective backup parameters',
        contextValue: 'configuration',
      });
    case 'parameter': {
      const p = node.parameter;
      const item = new vscode.TreeItem(`[${p.section}] ${p.key}`, C.None);
      const hosts = p.hostOverrides.map((o) => `${o.layerName}: ${o.value} (HOST)`);
      item.description = `${p.effective.value} (${p.effective.layer})${hosts.length ? ` · ⚠ ${hosts.join(', ')}` : ''}`;
      item.iconPath = hosts.length ? icon('warning', 'list.warningForeground') : icon('symbol-property');
      item.tooltip = [
        `${p.effective.layer}${p.effective.layerName ? ` ${p.effective.layerName}` : ''}: ${p.effective.value}`,
        ...p.overridden.map((o) => `overrides ${o.layer}: ${o.value}`),
        ...p.hostOverrides.map((o) => `HOST ${o.layerName} overrides it with ${o.value}`),
      ].join('\n');
      item.contextValue = hosts.length ? 'parameter.hostOverride' : 'parameter';
      return item;
    }
    case 'entry': {
      const e = node.entry;
      const label =
        e.entryType === 'log missing' ? `${formatTime(e.start)}  log missing` : formatTime(e.start);
      const item = new vscode.TreeItem(label, C.None);
      item.description = e.entryType === 'log missing' ? e.message : entryDescription(e);
      item.iconPath = entryIcon(e);
      item.tooltip = `${e.entryType} ${e.backupId}\n${e.state}${e.sizeBytes ? ` · ${formatBytes(e.sizeBytes)}` : ''}\n${e.message}${e.comment ? `\n${e.comment}` : ''}`;
      item.contextValue =
        e.entryType === 'data snapshot'
          ? e.state === 'prepared'
            ? 'entry.snapshot.prepared'
            : 'entry.snapshot'
          : e.state === 'running'
            ? 'entry.running'
            : e.entryType.includes('log')
              ? 'entry.log'
              : 'entry.data';
      item.command = {
        command: 'hanaBackup.showBackupDetails',
        title: 'Show backup details',
        arguments: [node],
      };
      return item;
    }
    case 'loadMore': {
      const item = new vscode.TreeItem(node.label, C.None);
      item.iconPath = icon('fold-down');
      item.command = { command: 'hanaBackup.loadMore', title: node.label, arguments: [node] };
      item.contextValue = 'loadMore';
      return item;
    }
  }
}
