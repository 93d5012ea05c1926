import './sts.js';
import './iam.js';
