import { publicClient, type ApiClient } from '../support/api-client.js';

/** A patient-facing load balancer in miniature: calls go round the replicas, skipping one that is down. */
export class ReplicaPool {
  private readonly clients: ApiClient[];
  private readonly down = new Set<number>();
  private next = 0;

  constructor(readonly urls: string[]) {
    this.clients = urls.map(publicClient);
  }

  markDown(index: number): void {
    this.down.add(index);
  }

  markUp(index: number): void {
    this.down.delete(index);
  }

  /** The next replica that is up (a balancer's health check would have taken the dead one out). */
  pick(): { index: number; url: string; client: ApiClient } {
    for (let tries = 0; tries < this.urls.length; tries++) {
      const index = this.next++ % this.urls.length;
      if (!this.down.has(index))
        return { index, url: this.urls[index]!, client: this.clients[index]! };
    }
    const index = this.next++ % this.urls.length;
    return { index, url: this.urls[index]!, client: this.clients[index]! };
  }
}
