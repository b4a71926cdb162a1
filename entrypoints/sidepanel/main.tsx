import { render } from 'preact';
import { TimelineApp } from '../../components/timeline/TimelineApp';
import '../../components/theme.css';

render(<TimelineApp />, document.getElementById('app')!);
