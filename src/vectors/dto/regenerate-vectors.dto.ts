import { JobPriorityDto } from '../../jobs/dto/job-priority.dto.js';

/** Body of POST /vectors/{file_id}/regenerate (optional). */
export class RegenerateVectorsDto extends JobPriorityDto {}
