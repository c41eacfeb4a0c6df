/**
 * The "HANA Backup" view: {@link TreeData} for the content, TreeItems for the looks, and the
 * bookkeeping VS Code needs (change events naming the node objects it was given, "Load more" steps).
 */
import * as vscode from 'vscode';
import type { ConnectionManager } from '../connections/connectionManager';
import { TreeData, type PolicyLookup } from './treeData';
import { toTreeItem } from './treeItems';
import type { NodeOf, TreeNode } from './treeNodes';

export type { PolicyLookup };

export interface TreeOptions {
  pageSize(): number;
  groupOlderThanDays(): number;
  policyFor?: PolicyLookup;
}

export class BackupTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** How many steps each growable list shows (list key → steps). */
  private readonly steps = new Map<string, number>();
  /** The node objects last handed to VS Code, by id: a change event must name the same object. */
  private readonly shown = new Map<string, TreeNode>();
  private readonly subscription: vscode.Disposable;
  private readonly data: TreeData;

  constructor(connections: ConnectionManager, options: TreeOptions) {
    this.data = new TreeData(connections, {
      ...options,
      stepsOf: (key) => this.steps.get(key) ?? 1,
      nodeChanged: (node) => this.changed.fire(node),
    });
    this.subscription = connections.onDidChange(() => this.refresh());
  }

  refresh(node?: TreeNode): void {
    this.changed.fire(node);
  }

  /** One more step for the list of a "Load more" node; the node that shows the list is re-read. */
  loadMore(node: NodeOf<'loadMore'>): void {
    this.steps.set(node.stepKey, (this.steps.get(node.stepKey) ?? 1) + 1);
    this.changed.fire(this.shown.get(node.container));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    this.shown.set(node.id, node);
    const item = toTreeItem(node);
    item.id = node.id;
    return item;
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return this.data.getChildren(node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
