/** `POST /admin/aftersales/jobs/:name/run`: the job's name and its own summary of what it did. */
export interface AdminRunAftersalesJobResponse {
  job: string
  result: Record<string, unknown>
}
